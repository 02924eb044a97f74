package org.jsetkey.engine.setkey.stmt;

/** One parsed setkey statement. Positions are kept beside it, so equal statements compare equal. */
public sealed interface Statement
        permits Add, Update, Get, Delete, DeleteAll, Flush, Dump, SpdAdd, SpdUpdate, SpdDelete, SpdFlush, SpdDump,
        Exit {

    /** The statement word ({@code add}, {@code spdflush}, ...). */
    String keyword();
}
