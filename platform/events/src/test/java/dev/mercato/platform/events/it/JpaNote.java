package dev.mercato.platform.events.it;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A JPA entity written in the same transaction as an outbox event (JpaTransactionIT).
 */
@Entity
@Table(name = "jpa_note")
class JpaNote {

	@Id
	private UUID id;

	private String text;

	protected JpaNote() {
	}

	JpaNote(UUID id, String text) {
		this.id = id;
		this.text = text;
	}

}
