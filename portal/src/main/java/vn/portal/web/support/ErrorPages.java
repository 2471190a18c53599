package vn.portal.web.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.portal.web.gateway.GatewayApi;

/** The reader's error pages, in Vietnamese: 404, 410 for a withdrawn article, 503 when the API is down. */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final PageModel pageModel;

    ErrorPages(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler({GatewayApi.NotFound.class, NoResourceFoundException.class})
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return page("error/404", HttpStatus.NOT_FOUND, request, response);
    }

    @ExceptionHandler(GatewayApi.Gone.class)
    ModelAndView gone(HttpServletRequest request, HttpServletResponse response) {
        return page("error/410", HttpStatus.GONE, request, response);
    }

    @ExceptionHandler(GatewayApi.Unavailable.class)
    ModelAndView unavailable(GatewayApi.Unavailable e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("The API could not answer: {}", e.getMessage());
        response.setHeader("Retry-After", "10");
        return page("error/503", HttpStatus.SERVICE_UNAVAILABLE, request, response);
    }

    private ModelAndView page(String view, HttpStatus status, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        ModelAndView page = new ModelAndView(view, pageModel.attributes(request));
        page.setStatus(status);
        return page;
    }
}
