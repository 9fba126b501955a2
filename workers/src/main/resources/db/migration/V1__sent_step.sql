-- One row per process step whose message (mail or police POST) was sent. The primary key is the
-- idempotency key: a second attempt at the same step finds it and sends nothing; two concurrent
-- attempts are serialised on it (the second waits for the first's transaction, see SentSteps).
-- References only: no names, no dates of birth.
create table sent_step (
  step_key            varchar(200) not null,
  topic               varchar(64)  not null,
  case_ref            varchar(64),
  process_instance_id varchar(64)  not null,
  external_task_id    varchar(64)  not null,
  sent_at             timestamp with time zone not null,
  constraint pk_sent_step primary key (step_key)
);

create index ix_sent_step_case_ref on sent_step (case_ref);
