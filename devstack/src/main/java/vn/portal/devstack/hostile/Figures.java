package vn.portal.devstack.hostile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a hostile-input run sent and what came back, printed as one line a log reader (and
 * {@code .ci/run}'s output) can find: {@code [R5] article-service: sent 1234, rejected 4xx 1200, ...}.
 * Collects every breach with its request, so a failure names them all at once.
 */
public final class Figures {

    private final String scenario;
    private final String where;
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> breaches = Collections.synchronizedList(new ArrayList<>());
    private int sent;
    private int passedOn;

    public Figures(String scenario, String where) {
        this.scenario = scenario;
        this.where = where;
    }

    public synchronized void count(int status) {
        sent++;
        byStatus.merge(status, 1, Integer::sum);
    }

    /** Answered by the service behind a gateway, not by the gateway itself. */
    public synchronized void passedOn() {
        passedOn++;
    }

    public void breach(String what) {
        breaches.add(what);
    }

    public List<String> breaches() {
        return List.copyOf(breaches);
    }

    public synchronized int sent() {
        return sent;
    }

    public synchronized int inRange(int from, int to) {
        return byStatus.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Prints the line; {@code extra} adds figures of the scenario's own ("stored 0"). */
    public synchronized String print(String extra) {
        String line = String.format("[%s] %s: sent %d, 2xx %d, rejected 4xx %d, 5xx %d, no answer %d%s%s; by status %s; breaches %d",
                scenario, where, sent, inRange(200, 299), inRange(400, 499), inRange(500, 599), inRange(0, 0),
                passedOn > 0 ? ", passed on to the service " + passedOn : "",
                extra == null || extra.isEmpty() ? "" : ", " + extra, byStatus, breaches.size());
        System.out.println(line);
        return line;
    }
}
