package org.jsetkey.shell.command;

import java.time.ZoneId;

import org.jsetkey.engine.stack.Host;
import org.jsetkey.shell.console.ConsoleOutput;

/**
 * The lab's network commands: ping, tcpdump, netstat, link, monitor, explain. Closing
 * ends the background ones (trace, monitor) so a pcap is complete before the host stops.
 */
public final class NetCommands implements AutoCloseable {
    private final TcpdumpCommand tcpdump;
    private final MonitorCommand monitor;
    private final DropLog drops;

    private NetCommands(TcpdumpCommand tcpdump, MonitorCommand monitor, DropLog drops) {
        this.tcpdump = tcpdump;
        this.monitor = monitor;
        this.drops = drops;
    }

    /**
     * @param interactive true in the console (ping without -c runs until interrupted), false
     *                    for commands from standard input (ping without -c sends 4 probes)
     */
    public static NetCommands register(CommandRegistry registry, Host host, ConsoleOutput output,
                                       boolean interactive) {
        DropLog drops = new DropLog(host.events());
        NetCommands net = new NetCommands(new TcpdumpCommand(host, output), new MonitorCommand(host.events(), output),
                drops);
        registry.register(new PingCommand(host, interactive));
        registry.register(net.tcpdump);
        registry.register(new NetstatCommand(host.counters()));
        registry.register(new LinkCommand(host));
        registry.register(net.monitor);
        registry.register(new ExplainCommand(drops, ZoneId.systemDefault()));
        return net;
    }

    @Override
    public void close() {
        tcpdump.close();
        monitor.close();
        drops.close();
    }
}
