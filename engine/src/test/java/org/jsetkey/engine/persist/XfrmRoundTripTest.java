package org.jsetkey.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsetkey.engine.setkey.ConfigWriter;
import org.junit.jupiter.api.Test;

/** setkey file -> jsetkey -> ip xfrm -> jsetkey -> setkey file, and the other way round. */
class XfrmRoundTripTest {
    @Test
    void aSetkeyFileComesBackUnchangedThroughIpXfrmAndBack() {
        String file = XfrmListingTest.resource("roundtrip.conf");
        TestHost a = new TestHost();
        a.loadClean(file);
        XfrmWriter.Result x = XfrmWriter.write(a.host.sad(), a.host.spd(), a.host.sysctl());
        assertEquals(0, x.notes().size(), x.notes().toString());
        TestHost b = new TestHost();
        b.loadClean(x.text());
        assertEquals(file, ConfigWriter.write(b.host.sad(), b.host.spd(), b.host.sysctl()));

        // and ip xfrm -> setkey -> ip xfrm
        TestHost c = new TestHost();
        c.loadClean(ConfigWriter.write(b.host.sad(), b.host.spd(), b.host.sysctl()));
        assertEquals(x.text(), XfrmWriter.write(c.host.sad(), c.host.spd(), c.host.sysctl()).text());
    }
}
