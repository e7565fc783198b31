package dev.mercato.identity.key;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

	List<SigningKey> findByRetiredAtIsNullOrderByCreatedAtDesc();

}
