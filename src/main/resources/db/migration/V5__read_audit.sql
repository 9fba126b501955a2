-- Every read of a case's data, on every path (the service's API, /engine-rest, the webapps'
-- engine API behind Tasklist and Cockpit, the handover pack), refused attempts included.
alter table ear_case_audit add column channel varchar(32);
alter table ear_case_audit add column detail varchar(200);
alter table ear_case_audit add column refused boolean default false not null;
create index ix_ear_case_audit_at on ear_case_audit (at);
