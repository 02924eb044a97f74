package org.jsetkey.shell.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jsetkey.engine.check.PeerCheck;
import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.link.Peer;
import org.jsetkey.engine.link.PeerImpairment;
import org.jsetkey.engine.nat.PfConf;
import org.jsetkey.engine.net.IpAddress;
import org.jsetkey.engine.persist.AtomicFile;
import org.jsetkey.engine.persist.ConfigFile;
import org.jsetkey.engine.persist.XfrmWriter;
import org.jsetkey.engine.profile.HostProfile;
import org.jsetkey.engine.sad.Sad;
import org.jsetkey.engine.setkey.ConfigWriter;
import org.jsetkey.engine.setkey.Setkey;
import org.jsetkey.engine.setkey.SetkeyListener;
import org.jsetkey.engine.setkey.SetkeyResult;
import org.jsetkey.engine.spd.Spd;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.engine.sysctl.Sysctl;
import org.jsetkey.engine.sysctl.SysctlNames;
import org.jsetkey.engine.tun.TunConfig;
import org.jsetkey.shell.command.CommandOutput;
import org.jsetkey.shell.command.FileErrors;
import org.jsetkey.shell.command.SetkeyLanguage;
import org.jsetkey.shell.command.SetkeyPrinter;

/** One jsetkey host as the program sees it: the engine host (databases, knobs, datapath) and its setkey language. */
public final class HostContext implements AutoCloseable {
    static final String RC_IPSEC = "/etc/rc.d/ipsec";
    static final String RC_PF = "/etc/rc.d/pf";

    private final HostProfile profile;
    private final HostOptions options;
    private final Host host;
    private final Setkey setkey;
    private final HostAutosave autosave;

    public HostContext(HostOptions options) {
        this(options, Clock.systemDefaultZone());
    }

    public HostContext(HostOptions options, Clock clock) {
        this.profile = options.rc() == null ? null : loadProfile(options.rc());
        this.options = profile == null ? options : options.over(profile);
        this.host = new Host(this.options.name(), clock);
        PeerCheck.of(host); // answers the peers' checks whatever runs on this host
        for (IpAddress a : this.options.addresses()) {
            host.addAddress(a);
        }
        if (profile != null && profile.gateway()) {
            host.sysctl().setInt(SysctlNames.IP_FORWARDING, 1);
        }
        if (profile != null && profile.ipv6Gateway()) {
            host.sysctl().setInt(SysctlNames.IP6_FORWARDING, 1);
        }
        this.setkey = new Setkey(host.sad(), host.spd(), ProcessHandle.current().pid());
        this.autosave = this.options.autosave() == null ? null : new HostAutosave(this.options.autosave());
    }

    /**
     * With --autosave or rc.conf ipsec_autosave: restores the file when it exists and keeps it
     * current from now on. Returns false when the file could not be restored or written.
     */
    public boolean startAutosave(CommandOutput out) {
        return autosave == null || autosave.start(host, configFile(), out);
    }

    /** Runs a configuration file (-f, run, --boot): one autosave write at its end. */
    public SetkeyResult runFile(String text, String fileName, SetkeyListener listener) {
        return batch(() -> configFile().run(text, fileName, listener));
    }

    private SetkeyResult batch(java.util.function.Supplier<SetkeyResult> work) {
        return autosave == null ? work.get() : autosave.batch(work);
    }

    /** Binds the link socket and contacts the peers when --listen was given; starts the key timer. */
    public void start() throws IOException {
        host.startTimers();
        if (options.listen() != null) {
            host.listen(options.listen());
            for (Peer p : options.peers()) {
                host.addPeer(p);
            }
            impairFromProfile();
        }
    }

    /** rc.conf's {@code jsetkey_impair_*} lines, each on the peer whose socket it names. */
    private void impairFromProfile() {
        if (profile == null) {
            return;
        }
        for (PeerImpairment pi : profile.impairments()) {
            for (Peer p : host.link().peers()) {
                if (p.endpoint().equals(pi.endpoint())) {
                    host.link().impair(p, pi.impairment());
                }
            }
        }
    }

    /**
     * The simulated boot: the real interfaces (--tun, cloned_interfaces), rc.conf warnings, then /etc/rc.d/ipsec as FreeBSD runs it
     * (enabled and readable: load the file like {@code setkey -f}; enabled but unreadable:
     * warn; not enabled: nothing), then the {@code --boot} file. Returns false when
     * anything failed.
     */
    public boolean boot(CommandOutput out) {
        boolean ok = createInterfaces(out);
        if (profile != null) {
            for (String w : profile.warnings()) {
                out.errorln(options.rc() + ": WARNING: " + w);
            }
            if (profile.ipsecEnable() && autosave != null && autosave.restored()) {
                out.println("Not loading " + profile.ipsecFile() + ": the autosaved state supersedes it.");
            } else if (profile.ipsecEnable()) {
                Path file = profile.ipsecFile();
                if (Files.isRegularFile(file) && Files.isReadable(file)) {
                    out.println("Installing ipsec manual keys/policies.");
                    ok &= load(file, out);
                } else {
                    out.errorln(RC_IPSEC + ": WARNING: " + file + " not readable; ipsec start aborted.");
                    ok = false;
                }
            }
        }
        if (profile != null && profile.pfRules() != null) {
            ok &= loadPf(profile.pfRules(), out);
        }
        if (options.boot() != null) {
            ok &= load(options.boot(), out);
        }
        return ok;
    }

    /**
     * Creates each real interface as FreeBSD's rc.d/netif clones them ("Created clone interfaces:
     * tun0."). One that cannot be created gets a line saying what is missing; the host goes on without it.
     */
    private boolean createInterfaces(CommandOutput out) {
        List<String> created = new ArrayList<>();
        boolean ok = true;
        for (TunConfig t : options.interfaces()) {
            try {
                host.attach(t);
                created.add(t.name());
            } catch (IOException e) {
                out.errorln("jsetkey: " + e.getMessage());
                ok = false;
            }
        }
        if (!created.isEmpty()) {
            out.println("Created clone interfaces: " + String.join(" ", created) + ".");
        }
        return ok;
    }

    /** FreeBSD's /etc/rc.d/pf with pf_enable="YES": "Enabling pf." and the rules of pf_rules (jsetkey: nat only). */
    private boolean loadPf(Path file, CommandOutput out) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            out.errorln(RC_PF + ": WARNING: " + file + " is not readable.");
            return false;
        }
        String text = FileErrors.read(file, "jsetkey", out);
        if (text == null) {
            return false;
        }
        PfConf pf = PfConf.parse(text, file.toString());
        if (!pf.errors().isEmpty()) {
            pf.errors().forEach(out::errorln);
            return false;
        }
        out.println("Enabling pf.");
        pf.rules().forEach(host.nat()::add);
        return true;
    }

    private boolean load(Path file, CommandOutput out) {
        String text = FileErrors.read(file, "jsetkey", out);
        return text != null && !runFile(text, file.toString(), new SetkeyPrinter(out)).failed();
    }

    /** The loader of configuration files: setkey statements, sysctl lines, ip xfrm lines. */
    public ConfigFile configFile() {
        return new ConfigFile(setkey, host.sysctl(), host.sad());
    }

    private static HostProfile loadProfile(Path rc) {
        try {
            return HostProfile.load(rc);
        } catch (IOException e) {
            throw new UncheckedIOException(FileErrors.describe(rc, e), e);
        }
    }

    /** The rc.conf profile, or null when the host was started without --rc. */
    public HostProfile profile() {
        return profile;
    }

    public Host host() {
        return host;
    }

    @Override
    public void close() {
        if (autosave != null) {
            autosave.close();
        }
        host.close();
    }

    public HostOptions options() {
        return options;
    }

    public EventBus events() {
        return host.events();
    }

    public Sad sad() {
        return host.sad();
    }

    public Spd spd() {
        return host.spd();
    }

    public Sysctl sysctl() {
        return host.sysctl();
    }

    public Setkey setkey() {
        return setkey;
    }

    /** The setkey language of this host, as the command layer uses it. */
    public SetkeyLanguage language() {
        return new SetkeyLanguage() {
            @Override
            public boolean isComplete(String text) {
                return Setkey.isComplete(text);
            }

            @Override
            public SetkeyResult run(String source, String fileName, SetkeyListener listener) {
                return batch(() -> setkey.run(source, fileName, listener));
            }

            @Override
            public SetkeyResult runFile(String text, String fileName, SetkeyListener listener) {
                return HostContext.this.runFile(text, fileName, listener);
            }

            @Override
            public String config() {
                return ConfigWriter.write(host.sad(), host.spd(), host.sysctl());
            }

            @Override
            public XfrmWriter.Result xfrmConfig() {
                return XfrmWriter.write(host.sad(), host.spd(), host.sysctl());
            }

            @Override
            public Path saveDefault() throws IOException {
                if (autosave != null && autosave.on()) {
                    autosave.writeNow();
                    return autosave.file();
                }
                if (profile == null) {
                    return null;
                }
                Path file = profile.ipsecFile();
                if (!ConfigWriter.wroteIt(file)) {
                    throw new IOException(file + " was not written by jsetkey and is kept (its comments and layout"
                            + " would be lost); 'save " + file + "' replaces it, 'save FILE' writes elsewhere");
                }
                AtomicFile.write(file, config());
                return file;
            }
        };
    }
}
