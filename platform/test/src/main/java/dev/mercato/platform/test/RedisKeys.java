package dev.mercato.platform.test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the keys of one prefix with SCAN and DEL, speaking RESP directly so test
 * support needs no Redis client library.
 */
final class RedisKeys {

	private RedisKeys() {
	}

	static int deleteByPrefix(String host, int port, String prefix) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			String cursor = "0";
			int deleted = 0;
			do {
				write(out, "SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000");
				List<Object> reply = asList(read(in));
				cursor = (String) reply.get(0);
				List<Object> keys = asList(reply.get(1));
				if (!keys.isEmpty()) {
					List<String> command = new ArrayList<>();
					command.add("DEL");
					keys.forEach((key) -> command.add((String) key));
					write(out, command.toArray(String[]::new));
					deleted += ((Long) read(in)).intValue();
				}
			}
			while (!"0".equals(cursor));
			return deleted;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Redis not reachable at " + host + ":" + port, ex);
		}
	}

	private static void write(OutputStream out, String... args) throws IOException {
		StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
		for (String arg : args) {
			byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
			command.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
		}
		out.write(command.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static Object read(InputStream in) throws IOException {
		int type = in.read();
		String line = readLine(in);
		return switch (type) {
			case '+' -> line;
			case ':' -> Long.parseLong(line);
			case '-' -> throw new IllegalStateException("Redis error: " + line);
			case '$' -> {
				int length = Integer.parseInt(line);
				if (length < 0) {
					yield null;
				}
				byte[] bytes = in.readNBytes(length + 2);
				yield new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			case '*' -> {
				int count = Integer.parseInt(line);
				List<Object> items = new ArrayList<>(Math.max(count, 0));
				for (int i = 0; i < count; i++) {
					items.add(read(in));
				}
				yield items;
			}
			default -> throw new IllegalStateException("Unexpected Redis reply type " + type);
		};
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != '\r') {
			if (c == -1) {
				throw new IOException("Redis closed the connection");
			}
			line.append((char) c);
		}
		in.read();
		return line.toString();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> asList(Object reply) {
		return (List<Object>) reply;
	}

}
