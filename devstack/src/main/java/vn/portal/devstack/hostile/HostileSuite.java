package vn.portal.devstack.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Runs the hostile-input scenarios against a running app on {@code port} and judges every answer:
 * R5 (hostile HTTP at every route) and R8 (the authorization matrix). The figures are printed;
 * the caller asserts that {@link Figures#breaches()} is empty.
 */
public final class HostileSuite {

    private HostileSuite() {
    }

    /**
     * R5: every hostile request of {@link HostileInputs} at every route, as each caller. A breach is
     * a 5xx, no answer, a 4xx that is not a problem detail, a write answered 2xx, or an injected
     * header that comes back.
     *
     * @param skipAsEditor routes an editor's request would legitimately act on whatever it carries
     *                     (an admin rebuild takes no input): those are sent without the editor
     */
    public static Figures hostileHttp(String where, int port, List<Route> routes, List<Caller> callers,
                                      Predicate<Route> skipAsEditor) {
        Map<String, List<String>> identities = new LinkedHashMap<>();
        callers.forEach(caller -> identities.put(caller.name(), caller.header()));
        return hostileHttp(where, port, routes, identities,
                (identity, route) -> identity.equals(Caller.EDITOR.name()) && skipAsEditor.test(route), answer -> false);
    }

    /**
     * R5 with named sets of headers as the identities (e.g. a signed voter for rating-service).
     *
     * @param skip (identity, route) pairs not to send
     */
    public static Figures hostileHttp(String where, int port, List<Route> routes,
                                      Map<String, List<String>> identities,
                                      BiPredicate<String, Route> skip) {
        return hostileHttp(where, port, routes, identities, skip, answer -> false);
    }

    /**
     * @param passedOn answers that came from the service behind (a gateway in front of stand-ins):
     *                 not the gateway's to judge beyond "no 5xx"; counted as passed on
     */
    public static Figures hostileHttp(String where, int port, List<Route> routes,
                                      Map<String, List<String>> identities,
                                      BiPredicate<String, Route> skip,
                                      Predicate<RawRequest.Answer> passedOn) {
        Figures figures = new Figures("R5", where);
        for (Route route : routes) {
            for (Map.Entry<String, List<String>> identity : identities.entrySet()) {
                if (skip.test(identity.getKey(), route)) {
                    continue;
                }
                for (RawRequest hostile : HostileInputs.at(route)) {
                    RawRequest request = hostile.withHeaders(identity.getValue());
                    RawRequest.Answer answer = request.send(port);
                    figures.count(answer.status());
                    if (passedOn.test(answer) && answer.status() > 0 && answer.status() < 500) {
                        figures.passedOn();
                        continue;
                    }
                    judgeHostile(figures, identity.getKey() + " " + request.describe(), request.method(), answer);
                }
            }
        }
        return figures;
    }

    static void judgeHostile(Figures figures, String what, String method, RawRequest.Answer answer) {
        int status = answer.status();
        if (status == 0) {
            figures.breach(what + " -> no answer");
        } else if (status >= 500) {
            figures.breach(what + " -> " + status + " " + abbreviate(answer.body()));
        } else if (status >= 400 && !answer.isProblem()) {
            figures.breach(what + " -> " + status + " without a problem detail: " + abbreviate(answer.head()));
        } else if (status < 400 && !List.of("GET", "HEAD", "OPTIONS").contains(method)) {
            figures.breach(what + " -> accepted with " + status);
        }
        String head = answer.head().toLowerCase(Locale.ROOT);
        if (head.contains("injected") || head.contains("evil.example")) {
            figures.breach(what + " -> an injected header came back: " + abbreviate(answer.head()));
        }
    }

    /**
     * R8: every protected (method, route) × every refused caller: exactly the caller's refusal
     * (401 for a missing or bad token, 403 for a reader) as a problem detail.
     *
     * @param isPublic which (method, concrete path) anyone may call; the rest is protected
     */
    public static Figures authorizationMatrix(String where, int port, List<Route> routes,
                                              BiPredicate<String, String> isPublic) {
        Figures figures = new Figures("R8", where);
        List<String[]> protectedCalls = protectedCalls(routes, isPublic);
        for (String[] call : protectedCalls) {
            for (Caller caller : Caller.REFUSED) {
                RawRequest request = RawRequest.of("as " + caller, call[0], call[1],
                        new ArrayList<>(List.of("Content-Type: application/json")), call[0].equals("GET")
                                || call[0].equals("HEAD") || call[0].equals("OPTIONS") ? null : "{}")
                        .withHeaders(caller.header());
                RawRequest.Answer answer = request.send(port);
                figures.count(answer.status());
                if (answer.status() != caller.refusal()) {
                    figures.breach(request.describe() + " -> " + answer.status() + " (expected " + caller.refusal() + ")");
                } else if (!answer.isProblem()) {
                    figures.breach(request.describe() + " -> " + answer.status() + " without a problem detail");
                }
            }
        }
        return figures;
    }

    /** Every (method, concrete path) of the routes that is not public, each method of {@link Route#METHODS}. */
    public static List<String[]> protectedCalls(List<Route> routes, BiPredicate<String, String> isPublic) {
        Set<String> seen = new TreeSet<>();
        List<String[]> calls = new ArrayList<>();
        for (Route route : routes) {
            String path = route.path();
            for (String method : Route.METHODS) {
                if (!isPublic.test(method, path) && seen.add(method + " " + path)) {
                    calls.add(new String[] {method, path});
                }
            }
        }
        return calls;
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\r\n", " | ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
