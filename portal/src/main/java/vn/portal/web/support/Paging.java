package vn.portal.web.support;

/**
 * Where one page of a list is: "Trang 2 / 5" with links before and after. Pages count from 1 in
 * URLs ({@code ?trang=2}), as readers count them.
 */
public record Paging(int page, int pages, String previous, String next) {

    public static Paging of(String path, String query, int page, int size, long total) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        String separator = query == null || query.isEmpty() ? "?" : "?" + query + "&";
        String previous = page <= 1 ? null : page == 2 && separator.equals("?") ? path : path + separator + "trang=" + (page - 1);
        String next = page >= pages ? null : path + separator + "trang=" + (page + 1);
        return new Paging(page, pages, previous, next);
    }

    /** A page number from the URL: 1 for anything that is not a page number. */
    public static int requested(String value, int max) {
        try {
            int page = Integer.parseInt(value == null ? "1" : value.trim());
            return Math.max(1, Math.min(page, max));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
