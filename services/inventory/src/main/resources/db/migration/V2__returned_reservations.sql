-- A committed sale whose order was cancelled gives its units back to on-hand stock (Release of a
-- committed reservation): the reservation ends RETURNED.
alter table reservations drop constraint reservations_status_check;
alter table reservations add constraint reservations_status_check
    check (status in ('RESERVED', 'COMMITTED', 'RELEASED', 'EXPIRED', 'RETURNED'));
