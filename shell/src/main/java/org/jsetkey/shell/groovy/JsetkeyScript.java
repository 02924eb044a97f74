package org.jsetkey.shell.groovy;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import groovy.lang.Closure;
import groovy.lang.Script;

/**
 * The base class of every jsetkey script: the API functions, acting on the console's host
 * (the binding's {@code host}). Each also exists on {@link ScriptedHost}, so
 * {@code other.ping(...)} works on a host made with {@code newHost(...)}.
 */
public abstract class JsetkeyScript extends Script {

    private ScriptedHost api() {
        Object h = getBinding().getVariable("host");
        if (!(h instanceof ScriptedHost)) {
            throw new IllegalStateException("the binding's 'host' was replaced: " + h);
        }
        return (ScriptedHost) h;
    }

    public String setkey(String text) {
        return api().setkey(text);
    }

    public String setkey(File file) throws IOException {
        return api().setkey(file);
    }

    public String dump() {
        return api().dump();
    }

    public String dump(String proto) {
        return api().dump(proto);
    }

    public String spddump() {
        return api().spddump();
    }

    public List<SaView> getSad() {
        return api().getSad();
    }

    public List<PolicyView> getSpd() {
        return api().getSpd();
    }

    public SysctlView getSysctl() {
        return api().getSysctl();
    }

    public String sysctl(String args) {
        return api().sysctl(args);
    }

    public String netstat(String proto) {
        return api().netstat(proto);
    }

    public String nat() {
        return api().nat();
    }

    public ScriptedHost nat(String rule) {
        return api().nat(rule);
    }

    public LinkView getLink() {
        return api().getLink();
    }

    public PeerCheckView peerCheck() throws InterruptedException {
        return api().peerCheck(null);
    }

    public PeerCheckView peerCheck(Object peer) throws InterruptedException {
        return api().peerCheck(peer);
    }

    public PingView ping(Object dest) throws InterruptedException {
        return api().ping(dest);
    }

    public PingView ping(Map<String, ?> opts, Object dest) throws InterruptedException {
        return api().ping(opts, dest);
    }

    public List<Packet> capture(Map<String, ?> opts) throws InterruptedException {
        return api().capture(opts);
    }

    public List<Packet> capture(Map<String, ?> opts, Closure<?> each) throws InterruptedException {
        return api().capture(opts, each);
    }

    public Subscription on(String type, Closure<?> callback) {
        return api().on(type, callback);
    }

    public boolean waitFor(Number seconds, Closure<?> condition) throws InterruptedException {
        return api().waitFor(seconds, condition);
    }

    public ScriptedHost newHost(Map<String, ?> opts) throws IOException {
        return api().owner().newHost(opts);
    }
}
