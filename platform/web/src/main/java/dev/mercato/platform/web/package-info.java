/**
 * Web infrastructure shared by every service: RFC 9457 problem details for every error,
 * and request ids on every response, problem and log line.
 */
package dev.mercato.platform.web;
