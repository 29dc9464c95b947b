/** The file store on disk (content addressed bytes) and the janitor that removes bytes no record names. */
package org.parley.chat.infrastructure.files;
