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
import dev.mercato.platform.web.ForbiddenException;
import dev.mercato.platform.web.InvalidRequestException;
import dev.mercato.platform.web.NotFoundException;
import io.grpc.stub.StreamObserver;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
		UUID id = readableId(request.getUserId());
		dev.mercato.identity.user.User user = this.users.find(id)
			.orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "No user with id " + id));
		responseObserver.onNext(toMessage(user));
		responseObserver.onCompleted();
	}

	@Override
	public void validateUser(ValidateUserRequest request, StreamObserver<ValidateUserResponse> responseObserver) {
		UUID id = readableId(request.getUserId());
		ValidateUserResponse reply = this.users.find(id)
			.map((user) -> user.isActive() ? ValidateUserResponse.newBuilder().setValid(true).build()
					: ValidateUserResponse.newBuilder().setValid(false).setReason("inactive").build())
			.orElseGet(() -> ValidateUserResponse.newBuilder().setValid(false).setReason("not_found").build());
		responseObserver.onNext(reply);
		responseObserver.onCompleted();
	}

	// Services (service token) and admins read any user; a user's own token, forwarded by
	// a service acting for them, reads only that user: no way to read somebody else's
	// profile here either.
	private static boolean mayRead(UUID id) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null) {
			return false;
		}
		boolean privileged = caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((authority) -> authority.equals("ROLE_SERVICE") || authority.equals("ROLE_ADMIN"));
		return privileged || id.toString().equals(caller.getName());
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
	 * The id, when it is a UUID (else INVALID_ARGUMENT) of a user the caller may read
	 * (else PERMISSION_DENIED).
	 */
	private static UUID readableId(String raw) {
		UUID id;
		try {
			id = UUID.fromString(raw);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("INVALID_USER_ID", "user_id is not a UUID: '" + raw + "'");
		}
		if (!mayRead(id)) {
			throw new ForbiddenException("USER_NOT_READABLE", "Not allowed to read this user");
		}
		return id;
	}

}
