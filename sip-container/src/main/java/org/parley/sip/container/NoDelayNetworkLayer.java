package org.parley.sip.container;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;

/**
 * The stack's own network layer (plain, or JAIN-SIP's SslNetworkLayer holding our keystore) with
 * TCP_NODELAY on every stream socket it connects or accepts. Without it, a server INFO written right
 * after the 200 to the client's INFO sits in Nagle's buffer until the client's delayed ACK of that
 * 200 arrives, tens of milliseconds later: InfoThroughputBenchmark made 180 transactions/s.
 * {@link NoDelaySipStack} installs it.
 */
final class NoDelayNetworkLayer implements NetworkLayer {

    private final NetworkLayer stackLayer;
    private final int readTimeoutMillis;

    /** @param readTimeoutMillis see {@link MessageDeadline}; 0 or less: none */
    NoDelayNetworkLayer(NetworkLayer stackLayer, int readTimeoutMillis) {
        this.stackLayer = stackLayer;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    private static <S extends Socket> S noDelay(S socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new Accepting(port, backlog, bindAddress, readTimeoutMillis);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new SslAccepting(stackLayer.createSSLServerSocket(port, backlog, bindAddress), readTimeoutMillis);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return noDelay(stackLayer.createSocket(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return noDelay(stackLayer.createSocket(address, port, myAddress));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return noDelay(stackLayer.createSocket(address, port, myAddress, myPort));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return noDelay(stackLayer.createSSLSocket(address, port));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return noDelay(stackLayer.createSSLSocket(address, port, myAddress));
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return stackLayer.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        return stackLayer.createDatagramSocket(port, laddr);
    }

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        stackLayer.setSipStack(sipStack);
    }

    /*
     * The server sockets below accept sockets with TCP_NODELAY (Java has no such option for a listening
     * socket, so it is set on each accepted one) and, with a read timeout, input bounded by a
     * MessageDeadline.
     */

    /** Listens itself (the stack layers' own TCP server socket is a plain one too), to accept into a {@link DeadlineSocket}. */
    private static final class Accepting extends ServerSocket {
        private final int readTimeoutMillis;

        Accepting(int port, int backlog, InetAddress bindAddress, int readTimeoutMillis) throws IOException {
            super(port, backlog, bindAddress);
            this.readTimeoutMillis = readTimeoutMillis;
        }

        @Override
        public Socket accept() throws IOException {
            if (readTimeoutMillis <= 0) {
                return noDelay(super.accept());
            }
            if (isClosed()) {
                throw new SocketException("Socket is closed");
            }
            DeadlineSocket socket = new DeadlineSocket(readTimeoutMillis);
            implAccept(socket);
            socket.setSoTimeout(readTimeoutMillis);
            return noDelay(socket);
        }
    }

    /** An accepted TCP socket whose input is a {@link MessageDeadline}. */
    private static final class DeadlineSocket extends Socket {
        private final int readTimeoutMillis;
        private InputStream input;

        DeadlineSocket(int readTimeoutMillis) {
            this.readTimeoutMillis = readTimeoutMillis;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new MessageDeadline(super.getInputStream(), this, readTimeoutMillis);
            }
            return input;
        }
    }

    /** Delegates to the stack layer's bound socket (it holds our keystore); its own socket is never bound. */
    private static final class SslAccepting extends SSLServerSocket {
        private final SSLServerSocket bound;
        private final int readTimeoutMillis;

        SslAccepting(SSLServerSocket bound, int readTimeoutMillis) throws IOException {
            this.bound = bound;
            this.readTimeoutMillis = readTimeoutMillis;
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = noDelay(bound.accept());
            return readTimeoutMillis > 0 ? new DeadlineSslSocket((SSLSocket) socket, readTimeoutMillis) : socket;
        }

        @Override
        public void bind(SocketAddress endpoint) throws IOException {
            bound.bind(endpoint);
        }

        @Override
        public void bind(SocketAddress endpoint, int backlog) throws IOException {
            bound.bind(endpoint, backlog);
        }

        @Override
        public InetAddress getInetAddress() {
            return bound.getInetAddress();
        }

        @Override
        public int getLocalPort() {
            return bound.getLocalPort();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return bound.getLocalSocketAddress();
        }

        @Override
        public void close() throws IOException {
            bound.close();
        }

        @Override
        public ServerSocketChannel getChannel() {
            return bound.getChannel();
        }

        @Override
        public boolean isBound() {
            return bound.isBound();
        }

        @Override
        public boolean isClosed() {
            return bound.isClosed();
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            bound.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws IOException {
            return bound.getSoTimeout();
        }

        @Override
        public void setReuseAddress(boolean on) throws SocketException {
            bound.setReuseAddress(on);
        }

        @Override
        public boolean getReuseAddress() throws SocketException {
            return bound.getReuseAddress();
        }

        @Override
        public void setReceiveBufferSize(int size) throws SocketException {
            bound.setReceiveBufferSize(size);
        }

        @Override
        public int getReceiveBufferSize() throws SocketException {
            return bound.getReceiveBufferSize();
        }

        @Override
        public <T> ServerSocket setOption(SocketOption<T> name, T value) throws IOException {
            bound.setOption(name, value);
            return this;
        }

        @Override
        public <T> T getOption(SocketOption<T> name) throws IOException {
            return bound.getOption(name);
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return bound.supportedOptions();
        }

        @Override
        public String toString() {
            return bound.toString();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return bound.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            bound.setEnabledCipherSuites(suites);
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return bound.getSupportedCipherSuites();
        }

        @Override
        public String[] getSupportedProtocols() {
            return bound.getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return bound.getEnabledProtocols();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            bound.setEnabledProtocols(protocols);
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            bound.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return bound.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            bound.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return bound.getWantClientAuth();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            bound.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return bound.getUseClientMode();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            bound.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return bound.getEnableSessionCreation();
        }

        @Override
        public SSLParameters getSSLParameters() {
            return bound.getSSLParameters();
        }

        @Override
        public void setSSLParameters(SSLParameters params) {
            bound.setSSLParameters(params);
        }
    }
}
