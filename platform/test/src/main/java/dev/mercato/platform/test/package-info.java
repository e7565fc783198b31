/**
 * Test support: each test class gets its own PostgreSQL database, RabbitMQ virtual host
 * and Redis key prefix on the servers running on the machine.
 */
package dev.mercato.platform.test;
