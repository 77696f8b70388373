$private:x
