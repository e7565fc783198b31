package dev.mercato.recommender.recommendation.grpc;

import java.util.UUID;

import dev.mercato.contracts.recommender.v1.RecommendRequest;
import dev.mercato.contracts.recommender.v1.RecommendResponse;
import dev.mercato.contracts.recommender.v1.RecommenderServiceGrpc;
import dev.mercato.contracts.recommender.v1.ScoredProduct;
import dev.mercato.platform.web.InvalidRequestException;
import dev.mercato.recommender.recommendation.RecommendationService;
import dev.mercato.recommender.recommendation.Recommendations;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/**
 * {@code mercato.recommender.v1.RecommenderService}: the same answers as the REST API for
 * other services (graphql). A user id asks for personal recommendations, a product id for
 * similar items, neither for popular ones. Errors are platform exceptions, mapped to gRPC
 * statuses in one place.
 */
@Service
class RecommenderGrpcService extends RecommenderServiceGrpc.RecommenderServiceImplBase {

	private static final int DEFAULT_LIMIT = 10;

	private final RecommendationService recommendations;

	RecommenderGrpcService(RecommendationService recommendations) {
		this.recommendations = recommendations;
	}

	@Override
	public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> responseObserver) {
		int limit = (request.getLimit() == 0) ? DEFAULT_LIMIT : request.getLimit();
		if (limit < 1 || limit > RecommendationService.MAX_LIMIT) {
			throw new InvalidRequestException("INVALID_LIMIT",
					"limit must be between 1 and " + RecommendationService.MAX_LIMIT);
		}
		Recommendations answer;
		if (!request.getProductId().isEmpty()) {
			answer = this.recommendations.similarTo(uuid("product_id", request.getProductId()), limit);
		}
		else if (!request.getUserId().isEmpty()) {
			answer = this.recommendations.forUser(uuid("user_id", request.getUserId()), limit);
		}
		else {
			answer = this.recommendations.popular(request.getCategory().isEmpty() ? null : request.getCategory(),
					limit);
		}
		RecommendResponse.Builder response = RecommendResponse.newBuilder().setModelKind(answer.model().kind());
		if (answer.model().version() != null) {
			response.setModelVersion(answer.model().version());
		}
		for (Recommendations.Item item : answer.products()) {
			response.addProducts(ScoredProduct.newBuilder()
				.setProductId(item.productId().toString())
				.setScore(item.score())
				.setName(item.name()));
		}
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	private static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("INVALID_" + field.toUpperCase(java.util.Locale.ROOT),
					field + " must be a UUID");
		}
	}

}
