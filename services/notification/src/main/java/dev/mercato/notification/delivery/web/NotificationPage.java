package dev.mercato.notification.delivery.web;

import java.util.List;

/**
 * A page of the history.
 *
 * @param items the entries, newest first
 * @param page the page number from 0
 * @param size the page size
 * @param total how many entries exist
 */
record NotificationPage(List<NotificationResponse> items, int page, int size, long total) {

}
