package vn.portal.media.image;

import static vn.portal.platform.web.Problems.problem;

import org.springframework.http.HttpStatus;

/**
 * What matters in a picture, as a position relative to the displayed image (after the EXIF
 * orientation): 0,0 is the top left corner, 1,1 the bottom right. Crops keep it inside.
 */
record FocalPoint(double x, double y) {

    static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

    /** Both or neither; each within 0..1. Neither is the centre. */
    static FocalPoint of(Double x, Double y) {
        if (x == null && y == null) {
            return CENTRE;
        }
        if (x == null || y == null || !(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-focal-point",
                    "focalX and focalY go together, each between 0 and 1 (0,0 is the top left corner)");
        }
        return new FocalPoint(x, y);
    }
}
