package dev.mercato.notification.template;

import java.util.ArrayList;
import java.util.List;

import dev.mercato.notification.Channel;
import dev.mercato.notification.event.EventKey;
import org.jspecify.annotations.Nullable;

/**
 * The templates a fresh database is seeded with. Admins edit them through the API; a
 * seeded template is never overwritten.
 */
final class DefaultTemplates {

	private static final String ITEMS_HTML = """
			<table style="border-collapse:collapse;width:100%">
			  <tr><th align="left">Item</th><th align="right">Qty</th><th align="right">Price</th><th align="right">Total</th></tr>
			  {{#items}}
			  <tr><td>{{name}} <small>({{sku}})</small></td><td align="right">{{quantity}}</td><td align="right">{{unitPrice}}</td><td align="right">{{lineTotal}}</td></tr>
			  {{/items}}
			  <tr><td colspan="3" align="right"><strong>Total</strong></td><td align="right"><strong>{{total}}</strong></td></tr>
			</table>""";

	private static final String ITEMS_TEXT = """
			{{#items}}
			- {{quantity}} x {{name}} ({{sku}}) at {{unitPrice}} = {{lineTotal}}
			{{/items}}
			Total: {{total}}""";

	private DefaultTemplates() {
	}

	static List<Default> all() {
		List<Default> all = new ArrayList<>();
		email(all, EventKey.USER_CREATED, "Welcome to Mercato, {{firstName}}!", """
				<p>Hello {{firstName}},</p>
				<p>welcome to Mercato! Your account for {{email}} is ready.</p>
				<p><a href="{{loginUrl}}">Sign in</a> and start shopping.</p>""", """
				Hello {{firstName}},

				welcome to Mercato! Your account for {{email}} is ready.
				Sign in and start shopping: {{loginUrl}}""");
		email(all, EventKey.PASSWORD_RESET_REQUESTED, "Reset your Mercato password", """
				<p>Hello {{firstName}},</p>
				<p>someone (hopefully you) asked to reset the password of your Mercato account.</p>
				<p><a href="{{resetUrl}}">Choose a new password</a> before {{expiresAt}}.</p>
				<p>Or enter this code: <code>{{resetToken}}</code></p>
				<p>If you did not ask for this, ignore this email: your password stays as it is.</p>""", """
				Hello {{firstName}},

				someone (hopefully you) asked to reset the password of your Mercato account.
				Choose a new password before {{expiresAt}}:
				{{resetUrl}}

				Or enter this code: {{resetToken}}

				If you did not ask for this, ignore this email: your password stays as it is.""");
		email(all, EventKey.ORDER_CREATED, "We received your order {{orderNumber}}",
				"""
						<p>Hello {{firstName}},</p>
						<p>thank you for your order <strong>{{orderNumber}}</strong>. We are confirming payment and stock now.</p>
						"""
						+ ITEMS_HTML
						+ """
								<p>Shipping to: {{shippingAddress.name}}, {{shippingAddress.line1}} {{shippingAddress.line2}}, {{shippingAddress.postalCode}} {{shippingAddress.city}}, {{shippingAddress.country}}</p>
								<p><a href="{{orderUrl}}">View your order</a></p>""",
				"""
						Hello {{firstName}},

						thank you for your order {{orderNumber}}. We are confirming payment and stock now.

						""" + ITEMS_TEXT
						+ """


								Shipping to: {{shippingAddress.name}}, {{shippingAddress.line1}} {{shippingAddress.line2}}, {{shippingAddress.postalCode}} {{shippingAddress.city}}, {{shippingAddress.country}}
								View your order: {{orderUrl}}""");
		email(all, EventKey.ORDER_PAID, "Order {{orderNumber}} confirmed: {{total}}", """
				<p>Hello {{firstName}},</p>
				<p>your payment was received and order <strong>{{orderNumber}}</strong> is confirmed.</p>
				""" + ITEMS_HTML + """
				<p>We will let you know when it ships. <a href="{{orderUrl}}">View your order</a></p>""", """
				Hello {{firstName}},

				your payment was received and order {{orderNumber}} is confirmed.

				""" + ITEMS_TEXT + """


				We will let you know when it ships. View your order: {{orderUrl}}""");
		email(all, EventKey.ORDER_SHIPPED, "Order {{orderNumber}} is on its way", """
				<p>Hello {{firstName}},</p>
				<p>order <strong>{{orderNumber}}</strong> has shipped with {{carrier}}.</p>
				<p>Tracking number: <strong>{{trackingNumber}}</strong></p>
				<p><a href="{{orderUrl}}">View your order</a></p>""", """
				Hello {{firstName}},

				order {{orderNumber}} has shipped with {{carrier}}.
				Tracking number: {{trackingNumber}}

				View your order: {{orderUrl}}""");
		email(all, EventKey.ORDER_CANCELLED, "Order {{orderNumber}} was cancelled", """
				<p>Hello {{firstName}},</p>
				<p>order <strong>{{orderNumber}}</strong> ({{total}}) was cancelled because {{reason}}.</p>
				{{#refunded}}<p>Your payment has been refunded.</p>{{/refunded}}
				{{^refunded}}<p>You were not charged.</p>{{/refunded}}
				<p><a href="{{orderUrl}}">View your order</a></p>""", """
				Hello {{firstName}},

				order {{orderNumber}} ({{total}}) was cancelled because {{reason}}.
				{{#refunded}}Your payment has been refunded.{{/refunded}}{{^refunded}}You were not charged.{{/refunded}}

				View your order: {{orderUrl}}""");
		email(all, EventKey.PAYMENT_REFUNDED, "Refund of {{amount}} for order {{orderNumber}}",
				"""
						<p>Hello {{firstName}},</p>
						<p>we refunded <strong>{{amount}}</strong> for order {{orderNumber}}{{#fullyRefunded}} (the order is now refunded in full){{/fullyRefunded}}.</p>
						<p>Refunded so far: {{totalRefunded}}</p>
						<p>It can take a few days to appear on your statement.</p>""",
				"""
						Hello {{firstName}},

						we refunded {{amount}} for order {{orderNumber}}{{#fullyRefunded}} (the order is now refunded in full){{/fullyRefunded}}.
						Refunded so far: {{totalRefunded}}
						It can take a few days to appear on your statement.""");
		email(all, EventKey.INVENTORY_LOW_STOCK, "Low stock: product {{productId}} has {{available}} left", """
				<p>Hello {{firstName}},</p>
				<p>product <a href="{{productUrl}}">{{productId}}</a> (seller {{sellerId}}) is down to
				<strong>{{available}}</strong> available units (threshold {{threshold}}).</p>""",
				"""
						Hello {{firstName}},

						product {{productId}} (seller {{sellerId}}) is down to {{available}} available units (threshold {{threshold}}).
						{{productUrl}}""");
		other(all, EventKey.ORDER_PAID, Channel.SMS, "Order confirmed",
				"Mercato: order {{orderNumber}} is confirmed, total {{total}}.");
		other(all, EventKey.ORDER_SHIPPED, Channel.SMS, "Order shipped",
				"Mercato: order {{orderNumber}} shipped with {{carrier}}, tracking {{trackingNumber}}.");
		other(all, EventKey.ORDER_CANCELLED, Channel.SMS, "Order cancelled",
				"Mercato: order {{orderNumber}} was cancelled because {{reason}}.");
		other(all, EventKey.ORDER_PAID, Channel.PUSH, "Order {{orderNumber}} confirmed",
				"Total {{total}}. We will tell you when it ships.");
		other(all, EventKey.ORDER_SHIPPED, Channel.PUSH, "Order {{orderNumber}} shipped",
				"{{carrier}} tracking number {{trackingNumber}}");
		other(all, EventKey.ORDER_CANCELLED, Channel.PUSH, "Order {{orderNumber}} cancelled",
				"Cancelled because {{reason}}.");
		other(all, EventKey.PAYMENT_REFUNDED, Channel.PUSH, "Refund of {{amount}}", "For order {{orderNumber}}.");
		return all;
	}

	private static void email(List<Default> all, EventKey key, String subject, String html, String text) {
		all.add(new Default(new TemplateKey(key, Channel.EMAIL), subject, wrap(html), text + "\n\n-- \nMercato\n"));
	}

	private static void other(List<Default> all, EventKey key, Channel channel, String subject, String text) {
		all.add(new Default(new TemplateKey(key, channel), subject, null, text));
	}

	private static String wrap(String body) {
		return """
				<!DOCTYPE html>
				<html><body style="font-family:sans-serif;color:#222;max-width:640px">
				<h2 style="color:#b5462b">Mercato</h2>
				""" + body + """

				<hr><p style="color:#888;font-size:small">You receive this because you have an account at Mercato.
				You can choose your channels in your account settings.</p>
				</body></html>
				""";
	}

	record Default(TemplateKey key, String subject, @Nullable String html, String text) {

	}

}
