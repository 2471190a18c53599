package vn.portal.web.support;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page prints, its error pages too: the portal's name, its sections for the menu,
 * the public base URL, the current path and the date helpers ({@code ${vn.dateTime(at)}}).
 */
@ControllerAdvice // a component too: ErrorPages adds the same attributes to its pages
public class PageModel {

    private final PortalProperties portal;
    private final Categories categories;

    PageModel(PortalProperties portal, Categories categories) {
        this.portal = portal;
        this.categories = categories;
    }

    @ModelAttribute
    void addTo(Model model, HttpServletRequest request) {
        model.addAllAttributes(attributes(request));
    }

    Map<String, Object> attributes(HttpServletRequest request) {
        return Map.of("siteName", portal.siteName(), "sections", categories.all(), "baseUrl", portal.absolute(""),
                "vn", Dates.INSTANCE, "path", request.getRequestURI());
    }

    /** The date forms and links templates print. */
    public static final class Dates {
        static final Dates INSTANCE = new Dates();

        public String dateTime(OffsetDateTime at) {
            return VietnameseDates.dateTime(at);
        }

        public String date(OffsetDateTime at) {
            return VietnameseDates.date(at);
        }

        public String iso(OffsetDateTime at) {
            return VietnameseDates.iso(at);
        }

        public String category(String name) {
            Categories.Category category = Categories.of(name);
            return category == null ? "/" : category.path();
        }
    }
}
