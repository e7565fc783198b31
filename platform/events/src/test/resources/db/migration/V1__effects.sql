-- The test application's own schema, migrated by Spring Boot's Flyway before the
-- library's: proves the two Flyway histories live side by side.
create table effect (
    id       bigint generated always as identity primary key,
    event_id uuid not null,
    note     text not null
);
