-- When a visit still not made escalates to all managers (graded escalation).
alter table ear_case add column second_escalation_at timestamp with time zone;
