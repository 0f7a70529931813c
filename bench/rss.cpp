// bench_rss STATS COMMAND [ARGS...]: runs COMMAND and writes to the file STATS one line,
//   wall_s=<seconds> cpu_s=<user + system> maxrss_kb=<peak resident set, KiB> exit=<status>
// measured with wait4() on the child alone (its own rusage, not that of earlier children), so
// the benchmark needs no GNU time. The command's output passes through; the exit status is the
// command's (128 + signal if it was killed).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_rss STATS COMMAND [ARGS...]\n");
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    std::fprintf(stderr, "bench_rss: cannot run %s: %s\n", argv[2], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("wait4");
    return 2;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::FILE* f = std::fopen(argv[1], "w");
  if (!f) {
    std::perror(argv[1]);
    return 2;
  }
  const double cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  std::fprintf(f, "wall_s=%.6f cpu_s=%.6f maxrss_kb=%ld exit=%d\n", wall, cpu, usage.ru_maxrss, code);
  std::fclose(f);
  return code;
}
