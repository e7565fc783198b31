package dev.mercato.identity.user.grpc;

import java.util.Optional;
import java.util.UUID;

import dev.mercato.contracts.identity.v1.GetUserRequest;
import dev.mercato.contracts.identity.v1.User;
import dev.mercato.contracts.identity.v1.UserServiceGrpc;
import dev.mercato.contracts.identity.v1.ValidateUserRequest;
import dev.mercato.contracts.identity.v1.ValidateUserResponse;
import dev.mercato.identity.user.Role;
import dev.mercato.identity.user.UserService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/**
 * {@code mercato.identity.v1.UserService} for the other services.
 */
@Service
class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

	private final UserService users;

	UserGrpcService(UserService users) {
		this.users = users;
	}

	@Override
	public void getUser(GetUserRequest request, StreamObserver<User> responseObserver) {
		Optional<UUID> id = parseId(request.getUserId());
		if (id.isEmpty()) {
			responseObserver.onError(invalidId(request.getUserId()));
			return;
		}
		Optional<dev.mercato.identity.user.User> found = this.users.find(id.get());
		if (found.isEmpty()) {
			responseObserver
				.onError(Status.NOT_FOUND.withDescription("No user with id " + id.get()).asRuntimeException());
			return;
		}
		dev.mercato.identity.user.User user = found.get();
		User.Builder reply = User.newBuilder()
			.setId(user.getId().toString())
			.setEmail(user.getEmail().value())
			.setFirstName(user.getFirstName())
			.setLastName(user.getLastName())
			.setActive(user.isActive())
			.addAllRoles(user.getRoles().stream().map(Role::name).sorted().toList());
		Optional.ofNullable(user.getPhone()).ifPresent(reply::setPhone);
		responseObserver.onNext(reply.build());
		responseObserver.onCompleted();
	}

	@Override
	public void validateUser(ValidateUserRequest request, StreamObserver<ValidateUserResponse> responseObserver) {
		Optional<UUID> id = parseId(request.getUserId());
		if (id.isEmpty()) {
			responseObserver.onError(invalidId(request.getUserId()));
			return;
		}
		ValidateUserResponse reply = this.users.find(id.get())
			.map((user) -> user.isActive() ? ValidateUserResponse.newBuilder().setValid(true).build()
					: ValidateUserResponse.newBuilder().setValid(false).setReason("inactive").build())
			.orElseGet(() -> ValidateUserResponse.newBuilder().setValid(false).setReason("not_found").build());
		responseObserver.onNext(reply);
		responseObserver.onCompleted();
	}

	private static Optional<UUID> parseId(String raw) {
		try {
			return Optional.of(UUID.fromString(raw));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static RuntimeException invalidId(String raw) {
		return Status.INVALID_ARGUMENT.withDescription("user_id is not a UUID: '" + raw + "'").asRuntimeException();
	}

}
