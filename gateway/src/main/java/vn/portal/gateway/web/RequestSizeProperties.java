package vn.portal.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be: {@code uploadLimit} for the {@code uploads} entries
 * ("METHOD /pattern"), {@code editorialLimit} for the {@code editorial} entries (drafts),
 * {@code limit} for everything else.
 */
@ConfigurationProperties("gateway.request-size")
record RequestSizeProperties(DataSize limit, DataSize uploadLimit, List<String> uploads,
                             DataSize editorialLimit, List<String> editorial) {

    RequestSizeProperties {
        limit = limit == null ? DataSize.ofKilobytes(64) : limit;
        uploadLimit = uploadLimit == null ? DataSize.ofMegabytes(21) : uploadLimit;
        uploads = uploads == null ? List.of("POST /api/media") : uploads;
        editorialLimit = editorialLimit == null ? DataSize.ofMegabytes(2) : editorialLimit;
        editorial = editorial == null ? List.of("POST /api/editorial/**", "PUT /api/editorial/**") : editorial;
    }
}
