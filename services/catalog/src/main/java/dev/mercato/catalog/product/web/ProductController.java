package dev.mercato.catalog.product.web;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import dev.mercato.catalog.product.ProductImages;
import dev.mercato.catalog.product.ProductService;
import dev.mercato.catalog.product.ProductView;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final ProductService products;

	ProductController(ProductService products) {
		this.products = products;
	}

	@GetMapping("/{id}")
	ProductView get(@PathVariable UUID id) {
		ProductView product = this.products.get(id);
		// public path: a token is optional, and only a user's (not a service's) counts
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			UUID userId = userId(token.getToken().getSubject());
			if (userId != null) {
				this.products.viewed(id, userId);
			}
		}
		return product;
	}

	@GetMapping("/{id}/image")
	ResponseEntity<String> image(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.contentType(SVG)
			.body(ProductImages.svg(this.products.get(id)));
	}

	@PostMapping
	ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequest request, CurrentUser user) {
		ProductView product = this.products.create(request.toCommand(), user);
		return ResponseEntity.created(URI.create("/api/products/" + product.id())).body(product);
	}

	@PutMapping("/{id}")
	ProductView update(@PathVariable UUID id, @Valid @RequestBody ProductRequest request, CurrentUser user) {
		return this.products.update(id, request.toCommand(), user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void archive(@PathVariable UUID id, CurrentUser user) {
		this.products.archive(id, user);
	}

	private static UUID userId(String subject) {
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null; // service:<name>
		}
	}

}
