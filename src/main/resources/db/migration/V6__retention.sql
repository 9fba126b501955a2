-- Retention: when a closed case's personal data was erased, and legal holds that keep it.
alter table ear_case add column erased_at timestamp with time zone;
alter table ear_case add column legal_hold boolean default false not null;
alter table ear_case add column legal_hold_reason varchar(200);
create index ix_ear_case_closed on ear_case (closed_at);
