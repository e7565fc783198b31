package dev.mercato.inventory.reservation;

import dev.mercato.platform.test.IsolatedInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every reservation test again with the other strategy of ADR 11: row locks taken with
 * {@code select ... for update} before the updates.
 */
@SpringBootTest(properties = { "spring.grpc.server.port=0", "mercato.inventory.reservation.strategy=row-lock" })
@IsolatedInfrastructure
class RowLockReservationIT extends ReservationIT {

}
