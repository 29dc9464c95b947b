package org.parley.chat.domain.model.file;

/** Which way a file transfer token lets the bytes go. */
public enum FileTransfer {
    UPLOAD,
    DOWNLOAD
}
