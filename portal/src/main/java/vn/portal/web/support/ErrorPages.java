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
        return page(HttpStatus.NOT_FOUND, "Không tìm thấy trang",
                "Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ, hoặc tìm bài viết bằng ô tìm kiếm.",
                request, response);
    }

    @ExceptionHandler(GatewayApi.Gone.class)
    ModelAndView gone(HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.GONE, "Bài viết đã được gỡ",
                "Bài viết này đã được gỡ khỏi cổng thông tin và không còn được đăng.", request, response);
    }

    @ExceptionHandler(GatewayApi.Unavailable.class)
    ModelAndView unavailable(GatewayApi.Unavailable e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("The API could not answer: {}", e.getMessage());
        response.setHeader("Retry-After", "10");
        return page(HttpStatus.SERVICE_UNAVAILABLE, "Hệ thống đang bận",
                "Cổng thông tin tạm thời không lấy được nội dung. Vui lòng thử lại sau ít phút.", request, response);
    }

    private ModelAndView page(HttpStatus status, String title, String message, HttpServletRequest request,
                              HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        ModelAndView page = new ModelAndView("error/page", pageModel.attributes(request));
        page.addObject("title", title);
        page.addObject("message", message);
        page.setStatus(status);
        return page;
    }
}
