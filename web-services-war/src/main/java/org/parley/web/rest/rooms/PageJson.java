package org.parley.web.rest.rooms;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One page of a result list.
 *
 * @param page       zero-based
 * @param totalItems the number of matches over all pages (a search stops at the server's search limit)
 */
@JsonbPropertyOrder({"items", "page", "size", "totalItems"})
public record PageJson<T>(List<T> items, int page, int size, int totalItems) {

    public static <T> PageJson<T> of(List<T> all, int page, int size) {
        List<T> items = all.stream().skip((long) page * size).limit(size).toList();
        return new PageJson<>(items, page, size, all.size());
    }
}
