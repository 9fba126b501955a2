-- Consent to share and the lawful basis of a handover: recorded before any pack leaves.
alter table ear_case add column sharing_consent varchar(20);
alter table ear_case add column sharing_basis varchar(40);
alter table ear_case add column sharing_approved_by varchar(64);
alter table ear_case add column sharing_recorded_at timestamp with time zone;
