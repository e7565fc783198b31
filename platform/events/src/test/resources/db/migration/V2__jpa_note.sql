-- Written through JPA by JpaTransactionIT.
create table jpa_note (
    id   uuid primary key,
    text text not null
);
