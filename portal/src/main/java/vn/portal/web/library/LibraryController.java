package vn.portal.web.library;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.portal.web.gateway.Api;
import vn.portal.web.gateway.GatewayApi;
import vn.portal.web.support.Paging;

/** "Thư viện ảnh": the galleries newest first, each opening to its photos with captions and credits. */
@Controller
class LibraryController {

    static final int PAGE_SIZE = 12;
    static final int MAX_PAGE = 1000;

    private final GatewayApi api;

    LibraryController(GatewayApi api) {
        this.api = api;
    }

    @GetMapping("/thu-vien-anh")
    String library(@RequestParam(name = "trang", required = false) String trang, Model model) {
        int page = Paging.requested(trang, MAX_PAGE);
        Api.LibraryPage library = api.library(page - 1, PAGE_SIZE);
        model.addAttribute("galleries", library.galleries());
        model.addAttribute("paging", Paging.of("/thu-vien-anh", null, page, PAGE_SIZE, library.total()));
        return "library";
    }

    @GetMapping("/thu-vien-anh/{id}")
    String gallery(@PathVariable String id, Model model) {
        Api.Gallery gallery = api.gallery(id);
        model.addAttribute("gallery", gallery);
        Map<String, Api.Rendition> sizes = new HashMap<>();
        for (Api.GalleryImage image : gallery.images()) {
            if (image.mediaId() != null) {
                api.media(image.mediaId()).map(m -> m.rendition("w1024")).ifPresent(r -> sizes.put(image.mediaId(), r));
            }
        }
        model.addAttribute("sizes", sizes);
        if (gallery.articleId() != null) {
            try {
                model.addAttribute("article", api.article(gallery.articleId()));
            } catch (GatewayApi.NotFound | GatewayApi.Gone | GatewayApi.Unavailable articleGone) {
                // the gallery is shown without its link to the article
            }
        }
        return "gallery";
    }
}
