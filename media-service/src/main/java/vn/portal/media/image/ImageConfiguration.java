package vn.portal.media.image;

import javax.imageio.ImageIO;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class ImageConfiguration {

    static {
        // The plugins on the class path (TwelveMonkeys JPEG and WebP readers) are found by a scan:
        // in a packaged Boot jar the JDK's first look does not see them.
        ImageIO.scanForPlugins();
        // Streams over files and byte arrays need no cache; ImageIO's default is a temporary file.
        ImageIO.setUseCache(false);
    }

    @Bean
    UploadInspector uploadInspector(MediaProperties properties) {
        return new UploadInspector(properties.maxPixels());
    }

    @Bean
    RenditionMaker renditionMaker(MediaProperties properties) {
        return new RenditionMaker(properties.originalMaxSide(), properties.jpegQuality(),
                properties.concurrentDecodes());
    }
}
