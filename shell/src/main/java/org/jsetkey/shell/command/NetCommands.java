package org.jsetkey.shell.command;

import java.time.ZoneId;

import org.jsetkey.engine.event.EventBus;
import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.lab.PingService;

/**
 * The lab's network commands: ping, tcpdump, netstat, link, peer check, monitor, explain, nat. Closing
 * ends the background ones (trace, monitor) so a pcap is complete before the host stops.
 */
public final class NetCommands implements AutoCloseable {
    private final TcpdumpCommand tcpdump;
    private final MonitorCommand monitor;
    private final DropLog drops;
    private final EventBus events;
    private final ConsoleOutput output;
    private KeyNotices notices;

    private NetCommands(TcpdumpCommand tcpdump, MonitorCommand monitor, DropLog drops, EventBus events,
                        ConsoleOutput output) {
        this.tcpdump = tcpdump;
        this.monitor = monitor;
        this.drops = drops;
        this.events = events;
        this.output = output;
    }

    /**
     * @param interactive true in the console (ping without -c runs until interrupted), false
     *                    for commands from standard input (ping without -c sends 4 probes)
     */
    public static NetCommands register(CommandRegistry registry, Host host, ConsoleOutput output,
                                       boolean interactive) {
        DropLog drops = new DropLog(host.events());
        NetCommands net = new NetCommands(new TcpdumpCommand(host, output), new MonitorCommand(host.events(), output),
                drops, host.events(), output);
        PingService ping = new PingService(host);
        registry.register(new PingCommand(ping, interactive));
        registry.register(net.tcpdump);
        registry.register(new NetstatCommand(host.counters()));
        registry.register(new PictureCommand(host, output));
        registry.register(new LinkCommand(host));
        registry.register(new PeerCommand(host));
        registry.register(net.monitor);
        registry.register(new ExplainCommand(drops, ping, ZoneId.systemDefault()));
        registry.register(new NatCommand(host));
        return net;
    }

    /** Prints ACQUIRE and EXPIRE notices above the prompt while {@code session} wants them (the console). */
    public synchronized void showNotices(Session session) {
        if (notices == null) {
            notices = new KeyNotices(events, session, monitor, output);
        }
    }

    @Override
    public synchronized void close() {
        if (notices != null) {
            notices.close();
        }
        tcpdump.close();
        monitor.close();
        drops.close();
    }
}
