package vn.portal.article.read;

import java.util.List;

record ArticlePage(List<ArticleListItem> items, int page, int size, long total) {
}
