// FUZZ BUILD ONLY: stands in for engine/include/scalepol/expected.hpp (this directory comes first
// on the fuzz build's include path; the normal g++ build never sees it).
//
// Why: the fuzz targets are built with Debian's clang 14 (libFuzzer), which uses GCC 12's
// libstdc++. libstdc++'s <expected> is empty unless __cpp_concepts >= 202002L, and clang 14 says
// 201907L: it lacks P0848 (conditionally trivial special members), which that <expected> needs,
// so defining the macro does not help either. Clang 14 cannot deduce template arguments through
// an alias template (P1814) either, and the engine writes `Unexpected(x)`. So here Expected and
// Unexpected are small classes of our own with the part of std::expected's interface the engine
// uses (has_value, bool, *, ->, value, error, value_or; implicit construction from a value or an
// Unexpected; Expected<void, E>). Accessing the wrong alternative aborts, where std::expected is undefined behaviour.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <type_traits>
#include <utility>
#include <variant>

namespace scalepol {

template <class E>
class Unexpected {
 public:
  template <class G = E>
    requires(!std::is_same_v<std::remove_cvref_t<G>, Unexpected> && std::is_constructible_v<E, G>)
  constexpr explicit Unexpected(G&& e) : e_(std::forward<G>(e)) {}

  constexpr const E& error() const& noexcept { return e_; }
  constexpr E& error() & noexcept { return e_; }
  constexpr E&& error() && noexcept { return std::move(e_); }

 private:
  E e_;
};

template <class E>
Unexpected(E) -> Unexpected<E>;

namespace expected_shim {
template <class X>
struct is_unexpected : std::false_type {};
template <class E>
struct is_unexpected<Unexpected<E>> : std::true_type {};

[[noreturn]] inline void bad_access(const char* what) {
  std::fprintf(stderr, "scalepol::Expected (fuzz shim): %s\n", what);
  std::abort();
}
}  // namespace expected_shim

template <class T, class E>
class Expected {
  struct ErrorBox {
    E e;
  };

 public:
  using value_type = T;
  using error_type = E;

  constexpr Expected()
    requires std::is_default_constructible_v<T>
      : v_(std::in_place_index<0>) {}

  template <class U = T>
    requires(!std::is_same_v<std::remove_cvref_t<U>, Expected> &&
             !expected_shim::is_unexpected<std::remove_cvref_t<U>>::value &&
             !std::is_same_v<std::remove_cvref_t<U>, std::in_place_t> && std::is_constructible_v<T, U>)
  constexpr explicit(!std::is_convertible_v<U, T>) Expected(U&& v) : v_(std::in_place_index<0>, std::forward<U>(v)) {}

  template <class G>
    requires std::is_constructible_v<E, const G&>
  constexpr explicit(!std::is_convertible_v<const G&, E>) Expected(const Unexpected<G>& u)
      : v_(std::in_place_index<1>, ErrorBox{E(u.error())}) {}

  template <class G>
    requires std::is_constructible_v<E, G>
  constexpr explicit(!std::is_convertible_v<G, E>) Expected(Unexpected<G>&& u)
      : v_(std::in_place_index<1>, ErrorBox{E(std::move(u).error())}) {}

  template <class... Args>
  constexpr explicit Expected(std::in_place_t, Args&&... args)
      : v_(std::in_place_index<0>, std::forward<Args>(args)...) {}

  constexpr bool has_value() const noexcept { return v_.index() == 0; }
  constexpr explicit operator bool() const noexcept { return has_value(); }

  constexpr T& operator*() & { return value_ref(); }
  constexpr const T& operator*() const& { return value_ref(); }
  constexpr T&& operator*() && { return std::move(value_ref()); }
  constexpr T* operator->() { return &value_ref(); }
  constexpr const T* operator->() const { return &value_ref(); }

  constexpr T& value() & { return value_ref(); }
  constexpr const T& value() const& { return value_ref(); }
  constexpr T&& value() && { return std::move(value_ref()); }

  constexpr E& error() & { return error_ref(); }
  constexpr const E& error() const& { return error_ref(); }
  constexpr E&& error() && { return std::move(error_ref()); }

  template <class U>
  constexpr T value_or(U&& other) const& {
    return has_value() ? value_ref() : static_cast<T>(std::forward<U>(other));
  }
  template <class U>
  constexpr T value_or(U&& other) && {
    return has_value() ? std::move(value_ref()) : static_cast<T>(std::forward<U>(other));
  }

 private:
  T& value_ref() {
    if (!has_value()) expected_shim::bad_access("value of an error");
    return std::get<0>(v_);
  }
  const T& value_ref() const {
    if (!has_value()) expected_shim::bad_access("value of an error");
    return std::get<0>(v_);
  }
  E& error_ref() {
    if (has_value()) expected_shim::bad_access("error of a value");
    return std::get<1>(v_).e;
  }
  const E& error_ref() const {
    if (has_value()) expected_shim::bad_access("error of a value");
    return std::get<1>(v_).e;
  }

  std::variant<T, ErrorBox> v_;
};

// Expected<void, E> (render_report_html to a stream): success, or an error.
template <class E>
class Expected<void, E> {
 public:
  using value_type = void;
  using error_type = E;

  constexpr Expected() = default;

  template <class G>
    requires std::is_constructible_v<E, const G&>
  constexpr explicit(!std::is_convertible_v<const G&, E>) Expected(const Unexpected<G>& u) : e_(E(u.error())), ok_(false) {}

  template <class G>
    requires std::is_constructible_v<E, G>
  constexpr explicit(!std::is_convertible_v<G, E>) Expected(Unexpected<G>&& u)
      : e_(E(std::move(u).error())), ok_(false) {}

  constexpr bool has_value() const noexcept { return ok_; }
  constexpr explicit operator bool() const noexcept { return ok_; }
  constexpr void operator*() const {
    if (!ok_) expected_shim::bad_access("value of an error");
  }
  constexpr void value() const {
    if (!ok_) expected_shim::bad_access("value of an error");
  }

  constexpr E& error() & { return error_ref(); }
  constexpr const E& error() const& { return const_cast<Expected*>(this)->error_ref(); }
  constexpr E&& error() && { return std::move(error_ref()); }

 private:
  E& error_ref() {
    if (ok_) expected_shim::bad_access("error of a value");
    return e_;
  }

  E e_{};
  bool ok_ = true;
};

}  // namespace scalepol
