package org.jsetkey.engine.picture;

import java.util.List;

/**
 * The textbook figure of one packet: its headers field by field and which bytes each transform
 * covers. Renderers ({@link TextPicture}, {@link SvgPicture}) draw it; the model itself knows
 * nothing of colours or characters.
 *
 * @param sections the wire packet first, then any inflated IPComp payload
 * @param notes    what was verified, decrypted or could not be (one line each)
 */
public record PacketPicture(List<Section> sections, List<String> notes) {
    public PacketPicture {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }
}
