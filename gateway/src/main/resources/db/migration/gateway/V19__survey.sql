-- Satisfaction surveys (seed 000: a random sample of at least 500): the questionnaire, the invitations drawn from the
-- readers stratified by township (reproducible from the seed), and the responses, one per invitation, kept with the
-- township only.
create table survey (
    id bigserial primary key,
    title text not null,
    questions jsonb not null,
    sample_size integer not null check (sample_size > 0),
    seed bigint not null,
    created_by text not null,
    created_at timestamptz not null default now(),
    closes_on date
);

create table survey_invitation (
    id bigserial primary key,
    survey_id bigint not null references survey (id),
    token text not null unique,
    reader_id bigint not null references reader (id),
    township text not null,
    unique (survey_id, reader_id)
);

create table survey_response (
    id bigserial primary key,
    survey_id bigint not null references survey (id),
    invitation_id bigint not null unique references survey_invitation (id),
    township text not null,
    answers jsonb not null,
    created_at timestamptz not null default now()
);
create index survey_response_survey on survey_response (survey_id, township);
