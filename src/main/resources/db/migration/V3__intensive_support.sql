-- Intensive support: about six weeks, one extension with a manager's approval.
alter table ear_case add column support_started_at timestamp with time zone;
alter table ear_case add column support_ends_at timestamp with time zone;
alter table ear_case add column support_extended boolean default false not null;
