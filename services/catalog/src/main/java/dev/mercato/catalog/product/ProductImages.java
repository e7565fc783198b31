package dev.mercato.catalog.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Placeholder images: an SVG per product, the same bytes every time for the same product
 * (colours from its id, its name and category as text), so every product has an image
 * that really renders.
 */
public final class ProductImages {

	private static final int SIZE = 400;

	private ProductImages() {
	}

	/**
	 * The placeholder of a product.
	 * @param product the product
	 * @return an SVG document
	 */
	public static String svg(ProductView product) {
		int hash = product.id().hashCode();
		int hue = Math.floorMod(hash, 360);
		int accent = (hue + 40) % 360;
		String category = product.category().name();
		StringBuilder svg = new StringBuilder(1024);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(SIZE)
			.append("\" height=\"")
			.append(SIZE)
			.append("\" viewBox=\"0 0 ")
			.append(SIZE)
			.append(' ')
			.append(SIZE)
			.append("\" role=\"img\" aria-label=\"")
			.append(escape(product.name()))
			.append("\">\n");
		svg.append("<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">")
			.append("<stop offset=\"0\" stop-color=\"hsl(")
			.append(hue)
			.append(",55%,62%)\"/><stop offset=\"1\" stop-color=\"hsl(")
			.append(accent)
			.append(",60%,38%)\"/></linearGradient></defs>\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"url(#g)\"/>\n");
		svg.append("<circle cx=\"200\" cy=\"150\" r=\"70\" fill=\"rgba(255,255,255,0.25)\"/>\n");
		svg.append("<text x=\"200\" y=\"172\" font-family=\"sans-serif\" font-size=\"64\" font-weight=\"bold\" ")
			.append("fill=\"#fff\" text-anchor=\"middle\">")
			.append(escape(initials(product.name())))
			.append("</text>\n");
		int y = 270;
		for (String line : wrap(product.name(), 24, 2)) {
			svg.append("<text x=\"200\" y=\"")
				.append(y)
				.append("\" font-family=\"sans-serif\" font-size=\"24\" fill=\"#fff\" text-anchor=\"middle\">")
				.append(escape(line))
				.append("</text>\n");
			y += 30;
		}
		svg.append(
				"<text x=\"200\" y=\"370\" font-family=\"sans-serif\" font-size=\"16\" fill=\"rgba(255,255,255,0.85)\" ")
			.append("text-anchor=\"middle\">")
			.append(escape(category))
			.append("</text>\n</svg>\n");
		return svg.toString();
	}

	static String initials(String name) {
		StringBuilder initials = new StringBuilder();
		for (String word : name.strip().split("\\s+")) {
			if (!word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0)) && initials.length() < 2) {
				initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
			}
		}
		return initials.isEmpty() ? "?" : initials.toString().toUpperCase(Locale.ROOT);
	}

	static List<String> wrap(String text, int width, int maxLines) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.strip().split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
				if (lines.size() == maxLines) {
					break;
				}
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (lines.size() < maxLines && line.length() > 0) {
			lines.add(line.toString());
		}
		if (lines.size() == maxLines && String.join(" ", lines).length() < text.strip().length()) {
			String last = lines.removeLast();
			lines.add(((last.length() > width - 1) ? last.substring(0, width - 1) : last) + "…");
		}
		return lines;
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> {
					// characters XML 1.0 forbids are dropped
					if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
						escaped.appendCodePoint(c);
					}
				}
			}
		});
		return escaped.toString();
	}

}
