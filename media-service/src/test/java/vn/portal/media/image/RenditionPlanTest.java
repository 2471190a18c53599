package vn.portal.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The geometry of the served forms: sizes, crops around the focal point, decoder subsampling. */
class RenditionPlanTest {

    @Test
    void makesEachWidthOfALargeImageAndKeepsItsAspectRatio() {
        Map<String, List<Integer>> sizes = sizes(RenditionPlan.of(2000, 1000, FocalPoint.CENTRE, 2560));

        assertThat(sizes).containsEntry("original", List.of(2000, 1000))
                .containsEntry("w320", List.of(320, 160))
                .containsEntry("w640", List.of(640, 320))
                .containsEntry("w1024", List.of(1024, 512))
                .containsEntry("w1600", List.of(1600, 800))
                .containsEntry("crop-1x1", List.of(1000, 1000))
                .containsEntry("crop-4x3", List.of(1200, 900))
                .containsEntry("crop-16x9", List.of(1200, 675));
    }

    @Test
    void neverScalesASmallImageUp() {
        Map<String, List<Integer>> sizes = sizes(RenditionPlan.of(300, 200, FocalPoint.CENTRE, 2560));

        assertThat(sizes.get("w320")).containsExactly(300, 200);
        assertThat(sizes.get("w1600")).containsExactly(300, 200);
        assertThat(sizes.get("crop-1x1")).containsExactly(200, 200);
        assertThat(sizes.get("crop-16x9")).containsExactly(300, 169);
        RenditionPlan.of(300, 200, FocalPoint.CENTRE, 2560).forEach(target -> {
            assertThat(target.width()).isLessThanOrEqualTo(target.window().width);
            assertThat(target.height()).isLessThanOrEqualTo(target.window().height);
        });
    }

    @Test
    void servesAnOriginalLargerThanTheLimitScaledDownToIt() {
        assertThat(sizes(RenditionPlan.of(6000, 4000, FocalPoint.CENTRE, 2560)).get("original"))
                .containsExactly(2560, 1707);
        assertThat(sizes(RenditionPlan.of(3000, 6000, FocalPoint.CENTRE, 2560)).get("original"))
                .containsExactly(1280, 2560);
    }

    @Test
    void keepsTheFocalPointInsideEveryCrop() {
        int[][] sizes = {{1600, 900}, {900, 1600}, {1000, 1000}, {4000, 300}, {7, 3}};
        double[] positions = {0, 0.05, 0.3, 0.5, 0.77, 0.95, 1};
        for (int[] size : sizes) {
            for (double x : positions) {
                for (double y : positions) {
                    for (int[] ratio : RenditionPlan.CROPS) {
                        Rectangle window = RenditionPlan.cropWindow(size[0], size[1], ratio[0], ratio[1],
                                new FocalPoint(x, y));
                        int fx = Math.min(size[0] - 1, (int) (x * size[0]));
                        int fy = Math.min(size[1] - 1, (int) (y * size[1]));
                        assertThat(window.contains(fx, fy)).as("%s %s at %s,%s", List.of(size[0], size[1]),
                                List.of(ratio[0], ratio[1]), x, y).isTrue();
                        assertThat(new Rectangle(0, 0, size[0], size[1]).contains(window)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void centresACropOnTheFocalPointWhereTheEdgesAllow() {
        assertThat(RenditionPlan.cropWindow(1600, 900, 1, 1, new FocalPoint(0.5, 0.5)))
                .isEqualTo(new Rectangle(350, 0, 900, 900));
        assertThat(RenditionPlan.cropWindow(1600, 900, 1, 1, new FocalPoint(0.6, 0.5)))
                .isEqualTo(new Rectangle(510, 0, 900, 900));
        assertThat(RenditionPlan.cropWindow(1600, 900, 1, 1, new FocalPoint(0.95, 0.5)))
                .isEqualTo(new Rectangle(700, 0, 900, 900));
    }

    @Test
    void decodesALargePhotoAtReducedResolutionButNeverBelowWhatAFormNeeds() {
        assertThat(RenditionPlan.subsampling(RenditionPlan.of(6000, 4000, FocalPoint.CENTRE, 2560))).isEqualTo(2);
        assertThat(RenditionPlan.subsampling(RenditionPlan.of(8000, 6000, FocalPoint.CENTRE, 2560))).isEqualTo(3);
        assertThat(RenditionPlan.subsampling(RenditionPlan.of(2000, 1000, FocalPoint.CENTRE, 2560))).isEqualTo(1);
        // a panorama: its crops are narrow windows of the full height
        assertThat(RenditionPlan.subsampling(RenditionPlan.of(12000, 1000, FocalPoint.CENTRE, 2560))).isEqualTo(1);
    }

    private static Map<String, List<Integer>> sizes(List<RenditionPlan.Target> targets) {
        return targets.stream().collect(Collectors.toMap(RenditionPlan.Target::name,
                t -> List.of(t.width(), t.height())));
    }
}
