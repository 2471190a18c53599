package vn.portal.gateway.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;

/**
 * Requests refused before a route runs answer with a problem detail, as every other refusal:
 * <ul>
 * <li>Spring Security's firewall (an encoded slash or dot segment, a method it does not know,
 * {@code TRACE}): its {@link ServerExchangeRejectedHandler} writes the problem instead of a bare 400;</li>
 * <li>what Reactor Netty refuses while decoding (a request line or header too long, a control
 * character in a header, both {@code Content-Length} and {@code Transfer-Encoding}, an invalid
 * request target): it answers an empty 400, 414 or 431 on its own, without Spring; a handler next
 * to the HTTP codec gives such an empty error answer its problem body. Hand-written because
 * Reactor Netty has no setting for the body of those answers.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequestProblems {

    @Bean
    ServerExchangeRejectedHandler problemForARejectedExchange() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request",
                "The request is malformed or not allowed (its path, method or headers)");
    }

    @Bean
    NettyServerCustomizer problemForADecodingFailure() {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "problemForAnEmptyError", new EmptyErrorAnswers());
            }
        });
    }

    /** Gives an error answer that has no body and no content type the problem body of its status. */
    static final class EmptyErrorAnswers extends ChannelDuplexHandler {

        private boolean head;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request) {
                head = HttpMethod.HEAD.equals(request.method());
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (head && msg instanceof HttpResponse response && response.status().code() >= 400
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                // an answer to HEAD has no body, but says what a GET would have answered
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            }
            if (msg instanceof FullHttpResponse response && !head && response.status().code() >= 400
                    && response.content().readableBytes() == 0 && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                HttpStatus status = HttpStatus.resolve(response.status().code());
                String slug = switch (response.status().code()) {
                    case 400 -> "bad-request";
                    case 414 -> "uri-too-long";
                    case 431 -> "request-header-fields-too-large";
                    default -> "http-" + response.status().code();
                };
                byte[] body = ("{\"type\":\"" + Problems.TYPE_PREFIX + slug + "\",\"title\":\""
                        + (status == null ? "Error" : status.getReasonPhrase()) + "\",\"status\":" + response.status().code()
                        + ",\"detail\":\"The request is malformed: its request line, target or headers cannot be read\"}")
                        .getBytes(StandardCharsets.UTF_8);
                FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                        Unpooled.wrappedBuffer(body));
                problem.headers().set(response.headers())
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                super.write(ctx, problem, promise);
                return;
            }
            super.write(ctx, msg, promise);
        }
    }
}
