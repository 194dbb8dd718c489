// A preloaded library for the "no network" test (issue "Trust"): it stands in front of libc's
// ways out of the machine and refuses them, writing one line per attempt to $MINGLE_NETWORK_LOG.
// Local sockets stay allowed: the GUI talks to the X server over one. Anything that would reach
// another machine (an internet socket, a name lookup) is refused with EACCES and logged.
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

const char* program_name() {
    // The short name of the program, so the log says who tried.
    static char name[64] = {0};
    if (name[0] == 0) {
        if (FILE* comm = std::fopen("/proc/self/comm", "r")) {
            if (std::fgets(name, sizeof name, comm) == nullptr) name[0] = 0;
            std::fclose(comm);
            name[std::strcspn(name, "\n")] = 0;
        }
        if (name[0] == 0) std::strcpy(name, "?");
    }
    return name;
}

void log_line(const char* what, const char* detail) {
    const char* path = std::getenv("MINGLE_NETWORK_LOG");
    if (path == nullptr) return;
    if (FILE* log = std::fopen(path, "a")) {
        std::fprintf(log, "%s %s %s pid=%d\n", what, program_name(), detail, static_cast<int>(getpid()));
        std::fclose(log);
    }
}

bool reaches_other_machines(int family) { return family == AF_INET || family == AF_INET6 || family == AF_PACKET; }

const char* family_name(int family) {
    switch (family) {
    case AF_INET: return "AF_INET";
    case AF_INET6: return "AF_INET6";
    case AF_PACKET: return "AF_PACKET";
    case AF_UNIX: return "AF_UNIX";
    case AF_NETLINK: return "AF_NETLINK";
    default: return "other";
    }
}

template <typename Function> Function next_definition(const char* symbol) {
    return reinterpret_cast<Function>(dlsym(RTLD_NEXT, symbol));
}

// Marks which programs ran with the library loaded, so the test knows the preload took.
__attribute__((constructor)) void announce() {
    if (std::strcmp(program_name(), "mingle") == 0) log_line("loaded", "-");
}

} // namespace

extern "C" {

int socket(int domain, int type, int protocol) {
    if (reaches_other_machines(domain)) {
        log_line("denied", family_name(domain));
        errno = EACCES;
        return -1;
    }
    using Socket = int (*)(int, int, int);
    static const Socket real_socket = next_definition<Socket>("socket");
    return real_socket(domain, type, protocol);
}

int connect(int fd, const struct sockaddr* address, socklen_t length) {
    if (address != nullptr && reaches_other_machines(address->sa_family)) {
        log_line("denied", "connect");
        errno = EACCES;
        return -1;
    }
    using Connect = int (*)(int, const struct sockaddr*, socklen_t);
    static const Connect real_connect = next_definition<Connect>("connect");
    return real_connect(fd, address, length);
}

int getaddrinfo(const char* node, const char*, const struct addrinfo*, struct addrinfo** result) {
    log_line("denied", node != nullptr ? node : "getaddrinfo");
    if (result != nullptr) *result = nullptr;
    return EAI_FAIL;
}

struct hostent* gethostbyname(const char* name) {
    log_line("denied", name != nullptr ? name : "gethostbyname");
    h_errno = NO_RECOVERY;
    return nullptr;
}

} // extern "C"
