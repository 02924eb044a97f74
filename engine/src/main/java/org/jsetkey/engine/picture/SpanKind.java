package org.jsetkey.engine.picture;

/** What a transform does to a run of bytes, with the letter the plain picture marks it by. */
public enum SpanKind {
    AH_ICV('A', "AH ICV covers (RFC 4302 3.3.3): the whole IP packet, mutable fields and the ICV zeroed"),
    ESP_ICV('I', "ESP ICV covers (RFC 4303 2): ESP header, IV, payload and trailer"),
    ENCRYPTED('E', "encrypted by ESP (RFC 4303 2), shown decrypted with the SA's key"),
    COMPRESSED('C', "compressed by IPComp (RFC 3173), shown inflated below"),
    TUNNEL('T', "inner packet of a tunnel-mode SA");

    private final char letter;
    private final String meaning;

    SpanKind(char letter, String meaning) {
        this.letter = letter;
        this.meaning = meaning;
    }

    public char letter() {
        return letter;
    }

    public String meaning() {
        return meaning;
    }
}
