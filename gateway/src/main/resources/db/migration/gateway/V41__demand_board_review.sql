-- The public board shows a ticket only once its text was masked (personal data hidden) and a librarian approved it
-- (or, with branchlink.demand.auto-publish, at once after masking). board_text is what the public reads.
alter table demand_ticket
    add column board_text text,
    add column board_state text not null default 'pending'
        check (board_state in ('pending', 'published', 'withheld')),
    add column board_reviewed_by text,
    add column board_reviewed_at timestamptz;

create index demand_ticket_board on demand_ticket (id desc) where board_state = 'published';
