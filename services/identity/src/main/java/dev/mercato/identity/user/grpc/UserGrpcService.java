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
		parseId(request.getUserId(), responseObserver).ifPresent((id) -> {
			Optional<dev.mercato.identity.user.User> found = this.users.find(id);
			if (found.isEmpty()) {
				responseObserver
					.onError(Status.NOT_FOUND.withDescription("No user with id " + id).asRuntimeException());
				return;
			}
			responseObserver.onNext(toMessage(found.get()));
			responseObserver.onCompleted();
		});
	}

	@Override
	public void validateUser(ValidateUserRequest request, StreamObserver<ValidateUserResponse> responseObserver) {
		parseId(request.getUserId(), responseObserver).ifPresent((id) -> {
			ValidateUserResponse reply = this.users.find(id)
				.map((user) -> user.isActive() ? ValidateUserResponse.newBuilder().setValid(true).build()
						: ValidateUserResponse.newBuilder().setValid(false).setReason("inactive").build())
				.orElseGet(() -> ValidateUserResponse.newBuilder().setValid(false).setReason("not_found").build());
			responseObserver.onNext(reply);
			responseObserver.onCompleted();
		});
	}

	private static User toMessage(dev.mercato.identity.user.User user) {
		User.Builder message = User.newBuilder()
			.setId(user.getId().toString())
			.setEmail(user.getEmail().value())
			.setFirstName(user.getFirstName())
			.setLastName(user.getLastName())
			.setActive(user.isActive())
			.addAllRoles(user.getRoles().stream().map(Role::name).sorted().toList());
		Optional.ofNullable(user.getPhone()).ifPresent(message::setPhone);
		return message.build();
	}

	/**
	 * The id, or empty after answering INVALID_ARGUMENT when it is not a UUID.
	 */
	private static Optional<UUID> parseId(String raw, StreamObserver<?> responseObserver) {
		try {
			return Optional.of(UUID.fromString(raw));
		}
		catch (IllegalArgumentException ex) {
			responseObserver.onError(Status.INVALID_ARGUMENT.withDescription("user_id is not a UUID: '" + raw + "'")
				.asRuntimeException());
			return Optional.empty();
		}
	}

}
